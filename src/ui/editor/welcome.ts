/** The manifest a first-time visitor finds in the editor. */
export const WELCOME_MANIFEST = `# Welcome to Kubelab! Edit this Pod, then press Apply (Ctrl+Enter).
apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
`;
