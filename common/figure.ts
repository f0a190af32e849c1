/**
 * A figure: the value an indicator shows, the counts it is made of, and the list filters
 * (`drill`) that show exactly the records behind the numerator and the denominator — so
 * every number on a dashboard or in the year-end report can be traced to its records.
 */
import { z } from 'zod';

/** `workingDays`: a duration counted on the work calendar (调解时长), as a median. */
export const FIGURE_UNITS = ['count', 'rate', 'hours', 'yuan', 'workingDays'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export const FigureDrill = z.object({ numerator: z.record(z.string(), z.string()), denominator: z.record(z.string(), z.string()) });

export const Figure = z.object({
  /** A rate is numerator ÷ denominator; null when there is nothing to divide by. */
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  unit: z.enum(FIGURE_UNITS),
  drill: FigureDrill.nullable(),
});
export type Figure = z.infer<typeof Figure>;

/** A rate of two counts, rounded to four places; null when there is nothing to divide by. */
export function rateFigure(numerator: number, denominator: number, drill: Figure['drill'] = null): Figure {
  return { value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000, numerator, denominator, unit: 'rate', drill };
}

/**
 * numerator ÷ denominator unrounded (null with nothing to divide by): what a page rounds for display, sorts
 * by or exports, so a figure is never rounded twice (0.12345 → 0.1235 → 12.4 %, where its counts read 12.3 %).
 */
export const exactRate = (f: Pick<Figure, 'numerator' | 'denominator'>): number | null => (f.denominator === 0 ? null : f.numerator / f.denominator);
