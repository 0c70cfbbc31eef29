import type { GpuModel } from '../catalogue';

/**
 * How a GPU's sensors follow its load: power draw follows utilisation within seconds, the die
 * temperature with a lag of about a minute and a half (the heat sink's time constant), the SM
 * clock jumps to its boost clock when kernels run and drops to 210 MHz when idle. A model, tuned
 * to the shapes real DCGM dashboards show for data-centre boards: idle ≈ 32 °C at idle power,
 * a saturated GPU ≈ 75 °C at ~92 % of its power limit.
 */
export const IDLE_SM_CLOCK_MHZ = 210;
const IDLE_TEMP_C = 32;
const FULL_LOAD_TEMP_RISE_C = 43;
const FULL_LOAD_POWER_FRACTION = 0.92;
const POWER_TAU_MS = 2_000;
const TEMP_TAU_MS = 90_000;

export interface Sensors {
  readonly timeMs: number;
  readonly utilisation: number;
  readonly temperatureC: number;
  readonly powerW: number;
}

export function idleSensors(model: GpuModel, timeMs: number): Sensors {
  return { timeMs, utilisation: 0, temperatureC: IDLE_TEMP_C, powerW: model.idlePowerW };
}

function targetPower(model: GpuModel, u: number): number {
  return model.idlePowerW + u * (model.maxPowerW * FULL_LOAD_POWER_FRACTION - model.idlePowerW);
}

/** First-order lag: how far `from` has moved towards `to` after `dt` with time constant `tau`. */
function lag(from: number, to: number, dt: number, tau: number): number {
  return to + (from - to) * Math.exp(-dt / tau);
}

/**
 * The sensors at `nowMs`, given their last reading and the utilisation held since then (the
 * load changes in steps when containers start and stop; readings are taken often enough that
 * holding the new value over the interval is close).
 */
export function advanceSensors(model: GpuModel, last: Sensors, utilisation: number, nowMs: number): Sensors {
  const dt = Math.max(0, nowMs - last.timeMs);
  const u = Math.min(1, Math.max(0, utilisation));
  return {
    timeMs: nowMs,
    utilisation: u,
    powerW: lag(last.powerW, targetPower(model, u), dt, POWER_TAU_MS),
    temperatureC: lag(last.temperatureC, IDLE_TEMP_C + u * FULL_LOAD_TEMP_RISE_C, dt, TEMP_TAU_MS),
  };
}

export function smClockMHz(model: GpuModel, utilisation: number): number {
  return utilisation > 0 ? model.maxSmClockMHz : IDLE_SM_CLOCK_MHZ;
}
