import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { FlagError, parseFlags, type FlagSpec } from '../../../src/core/kubectl/framework/flags';
import { levenshtein, suggestionsFor } from '../../../src/core/kubectl/framework/suggest';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: '' },
  { name: 'stdin', short: 'i', type: 'bool', usage: '' },
  { name: 'tty', short: 't', type: 'bool', usage: '' },
  { name: 'grace-period', type: 'int', usage: '' },
  { name: 'filename', short: 'f', type: 'stringArray', usage: '' },
];

describe('flag parsing as pflag does it', () => {
  it('accepts every spelling of a value flag, flags among arguments, and -- to end flags', () => {
    const p = parseFlags(['get', '-n', 'a', 'pods', '--grace-period=5', '-it', '-fone.yaml', '-f=two.yaml', '--', '-x', 'y'], SPECS);
    expect(p.positional).toEqual(['get', 'pods']);
    expect(p.values.get('namespace')).toBe('a');
    expect(p.values.get('grace-period')).toBe(5);
    expect(p.values.get('stdin')).toBe(true);
    expect(p.values.get('tty')).toBe(true);
    expect(p.values.get('filename')).toEqual(['one.yaml', 'two.yaml']);
    expect(p.afterDash).toEqual(['-x', 'y']);
  });

  it.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-itz'], "unknown shorthand flag: 'z' in -itz"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--grace-period=soon'], 'invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax'],
    [['--stdin=maybe'], 'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
  ])('refuses %j with "%s"', (args, message) => {
    expect(() => parseFlags(args, SPECS)).toThrow(new FlagError(message));
  });
});

describe('did-you-mean suggestions as cobra makes them', () => {
  it('measures edit distance ignoring case', () => {
    expect(levenshtein('gte', 'get')).toBe(2);
    expect(levenshtein('GET', 'get')).toBe(0);
    expect(levenshtein('describ', 'describe')).toBe(1);
  });

  it('suggests by distance 2, by prefix and by SuggestFor', () => {
    const cmds = [{ name: 'get' }, { name: 'describe' }, { name: 'delete', suggestFor: ['rm'] }, { name: 'drain' }];
    expect(suggestionsFor('gte', cmds)).toEqual(['get']);
    expect(suggestionsFor('de', cmds)).toEqual(['get', 'describe', 'delete']);
    expect(suggestionsFor('rm', cmds)).toEqual(['delete']);
    expect(suggestionsFor('xyzzy', cmds)).toEqual([]);
  });
});

describe('kubectl errors and help', () => {
  const sim = createSimulation();

  it('prints an unknown command with its suggestions, as kubectl does', () => {
    expect(sim.kubectl('kubectl gte pods')).toMatchObject({ exitCode: 1, stdout: '', stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget' });
    expect(sim.kubectl('kubectl frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"');
    // Alphabetical, as cobra sorts commands: cp and run are within distance 2 of rm, delete names rm in SuggestFor.
    expect(sim.kubectl('kubectl rm pod x').stderr).toBe('error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\tcp\n\tdelete\n\trun');
  });

  it('prints unknown flags with the pointer to help', () => {
    expect(sim.kubectl('get pods --colour').stderr).toBe("error: unknown flag: --colour\nSee 'kubectl get --help' for usage.");
    expect(sim.kubectl('create namespace x -q').stderr).toBe("error: unknown shorthand flag: 'q' in -q\nSee 'kubectl create namespace --help' for usage.");
  });

  it('shows help for a command in kubectl\'s shape, on stdout with exit code 0', () => {
    const help = sim.kubectl('get --help');
    expect(help.exitCode).toBe(0);
    expect(help.stdout.startsWith('Display one or many resources.\n\n')).toBe(true);
    expect(help.stdout).toContain('\n\nExamples:\n  # List all pods in the current namespace\n  kubectl get pods\n');
    expect(help.stdout).toContain('\n\nOptions:\n    -A, --all-namespaces=false:\n\tIf present,');
    expect(help.stdout).toContain("\n\nUsage:\n  kubectl get [(-o|--output=)json|yaml|name|wide|jsonpath=...|custom-columns=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]\n\n");
    expect(help.stdout.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).')).toBe(true);
    expect(sim.kubectl('help get').stdout).toBe(help.stdout);
    expect(sim.kubectl('get -h').stdout).toBe(help.stdout);
  });

  it('lists commands by group in the root help, with subcommand pointers for create', () => {
    const root = sim.kubectl('kubectl').stdout;
    expect(root.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n')).toBe(true);
    expect(root).toContain('\n\nCluster Management Commands:\n  certificate     Modify certificate resources\n  cluster-info    Display cluster information\n');
    expect(root).toContain('Use "kubectl <command> --help" for more information about a given command.');
    const create = sim.kubectl('create --help').stdout;
    expect(create).toContain('\n\nAvailable Commands:\n  clusterrole           Create a cluster role\n  clusterrolebinding    Create a cluster role binding for a particular cluster role\n');
    expect(create).toContain('Use "kubectl create <command> --help" for more information about a given command.');
  });

  it('says clearly when a kubectl command is not emulated, and still has its help', () => {
    expect(sim.kubectl('port-forward pod/web 8080:80')).toMatchObject({
      exitCode: 1,
      stderr: 'error: "kubectl port-forward" is not supported by Kubelab yet: the playground has no local ports to forward to',
    });
    expect(sim.kubectl('port-forward --help').stdout).toContain('Kubelab: the playground has no local ports to forward to');
  });

  it('accepts its own context and refuses others and foreign credentials', () => {
    expect(sim.kubectl('get ns --context=kubelab').exitCode).toBe(0);
    expect(sim.kubectl('get ns --context=prod').stderr).toBe('error: context was not found for specified context: prod');
    expect(sim.kubectl('get ns --kubeconfig ~/.kube/other').stderr).toBe('error: --kubeconfig is not supported by Kubelab: the playground has one cluster, and you are its admin');
  });

  it('reports an unclosed quote', () => {
    expect(sim.kubectl("get pods -l 'app=web").stderr).toBe("error: unexpected EOF while looking for matching `''");
  });
});
