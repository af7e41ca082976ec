/**
 * The one door to zod for core/, so it is configured before any schema exists. zod compiles a fast
 * parser with `new Function` where it may; under the app's Content-Security-Policy that probe is
 * refused and reported as a violation, and a real attack would hide among such false alarms. Each
 * object schema decides at construction, and a bundler may run a shared chunk before the page's entry,
 * so the setting lives here, evaluated before every module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
