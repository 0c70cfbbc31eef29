/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SimHost } from './sim-host';

/** The Web Worker entry: the simulation runs here, off the UI thread, exposed through comlink. */
Comlink.expose(new SimHost());
