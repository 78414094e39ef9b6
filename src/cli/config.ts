/**
 * The configuration file, found the usual way (lilconfig, as Prettier's and ESLint's tools find
 * theirs): from the working folder up to the home folder, the first of `package.json` (its
 * `clean-article` key), `.clean-articlerc` (JSON), `.clean-articlerc.json`,
 * `clean-article.config.js`, `.mjs` or `.cjs`. It holds options by name (`"outDir": "clean"`,
 * `"disable": ["fragment"]`); the command line applies them under its own flags, which win.
 * Part of the lowest floor: it reads a file and imports nothing else of the command.
 */
import path from 'node:path';
import { defaultLoaders, lilconfig, type Loader } from 'lilconfig';

/** A configuration file and the options it holds. */
export interface LoadedConfig {
  /** The file, as found or given. */
  readonly file: string;
  /** Option name (camelCase or as the flag is spelled) -> value. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** The name the files are found by: `.clean-articlerc`, the `clean-article` key of package.json. */
const NAME = 'clean-article';

const SEARCH_PLACES = ['package.json', `.${NAME}rc`, `.${NAME}rc.json`, `${NAME}.config.js`, `${NAME}.config.mjs`, `${NAME}.config.cjs`];

/** A configuration file that cannot be read or holds something other than options; the message names the file. */
class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * The configuration of a run: the file `explicit` names (`--config FILE`), or the first found
 * from `cwd` upwards; `undefined` when there is none (or `--no-config`, which the caller handles).
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  const loaders = Object.fromEntries(Object.entries(defaultLoaders).map(([extension, loader]) => [extension, naming(loader, cwd)]));
  const explorer = lilconfig(NAME, { searchPlaces: SEARCH_PLACES, loaders });
  let found;
  try {
    found = explicit === undefined ? await explorer.search(cwd) : await explorer.load(path.resolve(cwd, explicit));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${explicit ?? 'configuration file'}: ${oneLine(error)}`);
  }
  if (found === null || found.isEmpty === true) {
    if (explicit !== undefined) throw new ConfigError(`${explicit}: holds no options`);
    return undefined;
  }
  const file = path.relative(cwd, found.filepath) || found.filepath;
  const config: unknown = found.config;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError(`${file}: expected an object of options, e.g. { "outDir": "clean" }`);
  }
  return { file, options: config as Record<string, unknown> };
}

/** A loader whose errors name the file: lilconfig's search does not say which file it was reading. */
function naming(loader: Loader, cwd: string): Loader {
  return async (filepath, content) => {
    try {
      const loaded: unknown = await loader(filepath, content);
      return loaded;
    } catch (error) {
      throw new ConfigError(`${path.relative(cwd, filepath) || filepath}: ${oneLine(error)}`);
    }
  };
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/gu, ' ');
}
