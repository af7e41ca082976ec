/**
 * The shipped example target set: only targets that a Sustainable Development Goal states explicitly (UN General
 * Assembly resolution 70/1, "Transforming our world: the 2030 Agenda"), each with the target it comes from. It is
 * an example to start from, not U4SSC's benchmark (which is not published): the app labels it so everywhere.
 */
import { SINGLE_POINT } from '../catalogue/types.ts';
import { U4SSC_2017_V2_ID } from '../catalogue/u4ssc-2017-v2.ts';
import type { Target, TargetSet } from './types.ts';

export const EXAMPLE_TARGET_SET_ID = 'example-sdg-2030';

const target = (kpiId: string, value: number, direction: Target['direction'], source: string, note?: string): Target => ({
  kpiId,
  pointId: SINGLE_POINT,
  target: value,
  direction,
  source,
  ...(note ? { note } : {}),
});

export const EXAMPLE_TARGET_SET: TargetSet = {
  id: EXAMPLE_TARGET_SET_ID,
  name: 'Example: explicit SDG targets for 2030',
  source: 'UN General Assembly resolution 70/1 (2015), Sustainable Development Goals and targets',
  catalogueId: U4SSC_2017_V2_ID,
  example: true,
  note: 'An example built only from targets the SDGs state explicitly. It is not the U4SSC benchmark, which is not published.',
  targets: [
    target('EC-I-WS-1C', 100, 'higher', 'SDG 6.1: universal and equitable access to safe and affordable drinking water for all'),
    target('EC-I-WS-2C', 100, 'higher', 'SDG 6.1 (indicator 6.1.1, safely managed drinking water)'),
    target('EC-I-WS-5C', 100, 'higher', 'SDG 6.2: access to adequate and equitable sanitation and hygiene for all'),
    target('EC-I-ES-3C', 100, 'higher', 'SDG 7.1: universal access to affordable, reliable and modern energy services (indicator 7.1.1)'),
    target('SC-EH-ED-2C', 100, 'higher', 'SDG 4.1: all girls and boys complete free, equitable and quality primary and secondary education'),
    target('SC-EH-H-2C', 70, 'lower', 'SDG 3.1: global maternal mortality ratio below 70 per 100,000 live births'),
    target('SC-EH-H-5A', 100, 'higher', 'SDG 3.8: universal health coverage'),
    target(
      'SC-SH-SA-9C',
      8.7,
      'lower',
      'SDG 3.6: halve global deaths and injuries from road traffic accidents',
      'Half the global rate of 17.4 road deaths per 100,000 inhabitants in 2013 (WHO Global status report on road safety 2015); a city may prefer half of its own baseline.',
    ),
    target('SC-SH-HO-1C', 0, 'lower', 'SDG 11.1: access for all to adequate, safe and affordable housing, and upgrade slums'),
    target('SC-SH-SI-1C', 1, 'target', 'SDG 8.5: equal pay for work of equal value', 'A female-to-male income ratio of 1 means equality.'),
  ],
};
