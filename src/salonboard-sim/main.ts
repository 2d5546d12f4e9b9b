// npm run salonboard: the simulator alone, on SALONBOARD_SIM_PORT (default 4010).
import { DEMO_SIM_OPTIONS, startSalonBoardSim } from "./server";

const port = Number(process.env.SALONBOARD_SIM_PORT ?? 4010);
const token = process.env.SALONBOARD_TOKEN ?? "sim-token";
const running = await startSalonBoardSim({ ...DEMO_SIM_OPTIONS, token }, port, process.env.SALONBOARD_SIM_HOST ?? "127.0.0.1");
console.log(`SALON BOARD simulator: ${running.url} (token: ${token})`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
