// Help texts of the CLI.

const options = `
Options for every command:
  -h, --help            show help for the command
  -v, --version         print the version
      --json            machine-readable output (JSON lines)`;

export const HELP = {
  main: `wowlab-node — contribute CPU to wowlab World of Warcraft simulations

Usage:
  wowlab-node [run] [options]       register this machine and run simulation chunks
  wowlab-node sim [file]            run a simulation locally (config JSON or SimC profile text)
  wowlab-node status                show this node's identity and its sentinel state
  wowlab-node reset                 forget this node's identity (asks first)

Run "wowlab-node <command> --help" for the options of a command.
${options}

Files: ~/.config/wowlab-node/config.ini and node.key (or --config-dir / WOWLAB_NODE_CONFIG_DIR).`,

  run: `Usage: wowlab-node [run] [options]

Registers this machine with the sentinel (first run: creates an identity key and prints a
claim code to enter on the wowlab site under Nodes), then runs the simulation chunks it is
assigned. Ctrl+C finishes running chunks (or hands them back after the grace period); press
Ctrl+C twice to stop at once.

Options:
      --sentinel URL    sentinel to connect to (overrides sentinel_url in config.ini)
      --cores N         worker threads to use (default: all cores but one)
      --name NAME       name shown on the site (saved to config.ini)
      --grace SECONDS   how long a graceful stop waits for running chunks (default 30)
      --config-dir DIR  where config.ini and node.key live
${options}`,

  sim: `Usage: wowlab-node sim [config.json | profile.simc] [options]

Runs a simulation entirely on this machine, with a progress bar, and prints mean DPS ± error,
standard deviation, min/max, percentiles and the ability breakdown. The file is a config JSON or
SimulationCraft profile text (spec=, talents=, gear_*=, main_hand=...,weapon=, actions=...,
max_time=, desired_targets=, iterations=...); lines understood but not modelled (items,
enchants, roles...) are listed as ignored. talents= (or a config's player.talents) may be the
in-game talent export string: the talents it holds are listed as modelled or ignored.
Without a file it runs the default setup of --spec.
A profile's profileset."name"+=... lines are variants: each runs the base's seeds, and a table
compares their DPS and difference from the base (with its 95 % error, from paired iterations).

Options:
  -n, --iterations N    iterations to run (default 10000; with --target-error, the cap of each
                        run, default 100000)
      --target-error P  smart sim: stop each run once its 95 % error is within P % of its mean
                        DPS (SimulationCraft's target_error, e.g. 0.1); variants clearly below
                        the best stop early (not with --stat-weights). Same stops and result as
                        the platform for the same seed
      --seed S          random seed, a whole number (default: random)
      --cores N         worker threads to use (default: all cores but one)
      --spec SPEC       spec whose default config to run (default bm-hunter)
      --stat-weights    also run Agility and each secondary stat raised by SimulationCraft's
                        default step (2,310) on the same seeds; print the weights and a Pawn string
      --print-config    print the config that would run, as JSON, and exit
${options}`,

  status: `Usage: wowlab-node status [options]

Shows the node's settings and identity, and asks the sentinel whether it is registered and
claimed.

Options:
      --sentinel URL    sentinel to ask (overrides sentinel_url in config.ini)
      --config-dir DIR  where config.ini and node.key live
${options}`,

  reset: `Usage: wowlab-node reset [options]

Forgets this node's identity: deletes node.key and the node id from config.ini. The next run
registers as a new node with a new claim code.

Options:
  -y, --yes             do not ask for confirmation
      --config-dir DIR  where config.ini and node.key live
${options}`,
} as const;
