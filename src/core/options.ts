/**
 * Options: those of the pipeline (`disable`, `bodyOnly`) and those a rule declares in its `meta`
 * (name, default, what a valid value is, help text). A rule's options are checked here, once, from
 * its `meta`; the command line builds its flags and help from the same `meta`.
 */

/** One option of a rule, as its `meta` declares it. */
export interface OptionMeta<T> {
  /** The value when none is given. */
  readonly default: T;
  /** One line on what it does, for `--help` (lower case, no final period). */
  readonly description: string;
  /** What a valid value is, for messages: "a number in (0, 1]". */
  readonly expected: string;
  /** True when `value` is a valid value of the option. */
  readonly isValid: (value: unknown) => value is T;
  /**
   * How the command line reads the option from its argument (the value is then checked with
   * {@link isValid}); absent for an option only the library can give (a map of counts).
   */
  readonly fromText?: (text: string) => unknown;
}

/** The `meta.options` of a rule whose options are `O`: one {@link OptionMeta} per option. */
export type OptionsMeta<O> = { readonly [K in keyof O]: OptionMeta<O[K]> };

/** A number in (0, 1]. */
export function fraction(defaultValue: number, description: string): OptionMeta<number> {
  return {
    default: defaultValue,
    description,
    expected: 'a number in (0, 1]',
    isValid: (value): value is number => typeof value === 'number' && value > 0 && value <= 1,
    fromText: Number,
  };
}

/** A whole number of at least `minimum`. */
export function wholeNumber(minimum: number, defaultValue: number, description: string): OptionMeta<number> {
  return {
    default: defaultValue,
    description,
    expected: `a whole number >= ${minimum}`,
    isValid: (value): value is number => Number.isInteger(value) && (value as number) >= minimum,
    fromText: Number,
  };
}

/** What the pipeline itself can be told. Every field is optional. */
export interface PipelineOptions {
  /** Rule ids to switch off, e.g. `['near-duplicate']`. */
  readonly disable?: readonly string[];
  /** Leave the headline out of the output (it is still used to find its repeats). */
  readonly bodyOnly?: boolean;
  /** Options of rules, by rule id and option name: `{ 'near-duplicate': { similarity: 0.9 } }`. */
  readonly rules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * A rule's option may also be given by its name alone, `{ similarity: 0.9 }` (the library's
   * first form, kept): option names are unique across the rules.
   */
  readonly [option: string]: unknown;
}

/** {@link PipelineOptions}, checked, with every default filled in. */
export interface ResolvedOptions {
  readonly disable: readonly string[];
  readonly bodyOnly: boolean;
  /** Each rule's options, by rule id. */
  readonly rules: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** What {@link resolveOptions} needs of a rule. */
interface RuleOptions {
  readonly meta: { readonly id: string; readonly options: Readonly<Record<string, OptionMeta<unknown>>> };
}

const PIPELINE_KEYS = new Set(['disable', 'bodyOnly', 'rules']);

/**
 * Checks `options` against the rules' `meta` and fills in defaults. Throws a `RangeError` naming
 * the option when a value is not valid, a rule or option is unknown, or an option is given twice
 * (by its name and under `rules`).
 */
export function resolveOptions(rules: readonly RuleOptions[], options: PipelineOptions = {}): ResolvedOptions {
  const ids = rules.map((rule) => rule.meta.id);
  const disable = options.disable ?? [];
  const unknownRules = [...disable, ...Object.keys(options.rules ?? {})].filter((id) => !ids.includes(id));
  if (unknownRules.length > 0) throw new RangeError(`unknown rule: ${unknownRules.join(', ')} (rules: ${ids.join(', ')})`);
  const declared = new Set(rules.flatMap((rule) => Object.keys(rule.meta.options)));
  const unknownOptions = Object.keys(options).filter((key) => !PIPELINE_KEYS.has(key) && !declared.has(key) && options[key] !== undefined);
  if (unknownOptions.length > 0) throw new RangeError(`unknown option: ${unknownOptions.join(', ')}`);
  const byRule = new Map<string, Readonly<Record<string, unknown>>>();
  for (const rule of rules) {
    const given = options.rules?.[rule.meta.id] ?? {};
    const unknown = Object.keys(given).filter((name) => !Object.hasOwn(rule.meta.options, name));
    if (unknown.length > 0) throw new RangeError(`unknown option of ${rule.meta.id}: ${unknown.join(', ')}`);
    const resolved: Record<string, unknown> = {};
    for (const [name, meta] of Object.entries(rule.meta.options)) {
      const nested = given[name];
      const flat = options[name];
      if (nested !== undefined && flat !== undefined) throw new RangeError(`${name} given twice: as ${name} and in rules['${rule.meta.id}']`);
      const value = nested ?? flat ?? meta.default;
      if (!meta.isValid(value)) throw new RangeError(`${name} must be ${meta.expected}, got ${String(value)}`);
      resolved[name] = value;
    }
    byRule.set(rule.meta.id, resolved);
  }
  return { disable, bodyOnly: options.bodyOnly === true, rules: byRule };
}
