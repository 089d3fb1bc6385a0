// The "contribute from this tab" state (runes): opt in/out, pause/resume, the worker slider,
// live stats. Every tab of the browser shares the settings (localStorage); one tab — the
// holder of a Web Lock — runs the node (engine.ts, loaded lazily) and broadcasts its status;
// the others show it and take over when that tab closes. What pages read is declared in
// status.svelte.ts; this class drives it.
import { untrack } from 'svelte';
import { session } from '$lib/state/session.svelte';
import { sentinelUrl } from '$lib/supabase';
import { claimTabNode, setTabNodeParallel } from '$lib/api/contribute';
import { toApiError } from '$lib/api/errors';
import type { ContributeEngine, EngineHandlers } from './engine';
import { shouldPauseForBattery, watchBattery } from './battery';
import { openChannel, sharedStatus, type ChannelMessage } from './channel';
import { TabElection } from './election';
import {
  coreCount,
  loadSettings,
  saveSettings,
  SETTINGS_KEY,
  parseSettings,
  type ContributeSettings,
} from './settings';
import { ContributeStatus } from './status.svelte';
import { canContribute, phaseOf, platformName, tabName } from './tab-node';
import { TOTALS_KEY, type Totals } from './totals';
import { TotalsMeter } from './totals-meter.svelte';

/** Running chunks get this long to finish before a reload for an update. */
const UPDATE_GRACE_MS = 10 * 60_000;

export class ContributeState extends ContributeStatus {
  #engine: ContributeEngine | null = null;
  #election: TabElection | null = null;
  /** Tells the other tabs (nothing before init, or without BroadcastChannel). */
  #post: (msg: ChannelMessage) => void = () => {};
  #batteryLow = false;
  #claiming = false;
  #claimedCode: string | null = null;
  #initialized = false;
  #queue: Promise<void> = Promise.resolve();
  readonly #meter = new TotalsMeter();
  /** Open pages of the player's own unfinished jobs in this tab (watchOwnJobs). */
  #watching = $state(0);

  /** This browser's lifetime totals (the contributing tab counts them, the others follow). */
  get totals(): Totals {
    return this.#meter.totals;
  }

  /** Starts following settings, other tabs and the battery (browser only, once). */
  init(): void {
    if (this.#initialized || typeof window === 'undefined') return;
    this.#initialized = true;
    this.supported = canContribute();
    this.cores = coreCount(navigator.hardwareConcurrency);
    this.settings = loadSettings(localStorage);
    this.#meter.load();
    this.#election = new TabElection(navigator.locks, () => this.#reconcile());
    this.#post = openChannel((msg) => this.#onChannel(msg));
    window.addEventListener('storage', (ev) => {
      if (ev.key === SETTINGS_KEY) {
        this.settings = parseSettings(ev.newValue);
        this.#reconcile();
      } else if (ev.key === TOTALS_KEY && this.role !== 'leader') {
        this.#meter.follow(ev.newValue);
      }
    });
    window.addEventListener('pagehide', () => {
      if (this.role === 'leader') {
        this.#tick();
        this.#meter.save();
        this.#post({ type: 'leader-gone' });
      }
    });
    setInterval(() => this.#tick(), 1000);
    void watchBattery(navigator, (reading) => {
      const low = shouldPauseForBattery(reading, this.#batteryLow);
      if (low === this.#batteryLow) return;
      this.#batteryLow = low;
      this.#reconcile();
    });
    // A player who signs in while contributing gets the node claimed for them.
    $effect.root(() => {
      $effect(() => {
        void session.user?.id;
        void session.isGuest;
        untrack(() => {
          void this.#maybeClaim();
          if (this.#watching > 0) this.#reconcile(); // own sims need a signed-in player
        });
      });
    });
    if (this.supported) this.#reconcile();
  }

  /**
   * A page of the player's own unfinished sim is open: this browser runs the player's own jobs
   * (only those, unless they contribute) until the returned function is called — leaving the
   * page hands unfinished chunks back and the job continues on the grid.
   */
  watchOwnJobs(): () => void {
    if (!this.#initialized || !this.supported) return () => {};
    this.#watching++;
    this.#reconcile();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#watching--;
      this.#reconcile();
    };
  }

  /**
   * What to run: everyone's work, the player's own sims, or nothing. A pause (the player's or a
   * low battery's) is about contributing: the player's own sim still runs while they watch it.
   */
  get #mode(): 'all' | 'own' | 'off' {
    const own = this.#watching > 0 && !!session.user;
    const paused = this.settings.paused || this.#batteryLow;
    if (this.settings.optedIn && !(own && paused)) return 'all';
    return own ? 'own' : 'off';
  }

  optIn(): void {
    this.#update({ optedIn: true, paused: false });
  }

  /** Stops the workers and hands running chunks back; the identity is kept for next time. */
  optOut(): void {
    this.#update({ optedIn: false, paused: false });
  }

  pause(): void {
    this.#update({ paused: true });
  }

  resume(): void {
    this.#update({ paused: false });
  }

  setWorkers(n: number): void {
    const workers = Math.min(this.cores, Math.max(1, Math.round(n)));
    this.#update({ workers: workers === this.cores ? null : workers });
  }

  /** Before a reload for an update: let running chunks finish (queued ones are handed back). */
  async finishForUpdate(): Promise<void> {
    const engine = this.#engine;
    if (!engine) return;
    this.finishing = true;
    this.#engine = null;
    await engine.stop(UPDATE_GRACE_MS).catch(() => undefined);
    this.#election?.leave();
    this.#post({ type: 'leader-gone' });
  }

  #update(patch: Partial<ContributeSettings>): void {
    this.settings = { ...this.settings, ...patch };
    saveSettings(localStorage, this.settings);
    this.#reconcile();
  }

  /** Serialised: brings the engine and the lock in line with the settings. */
  #reconcile(): void {
    this.#queue = this.#queue
      .then(() => this.#apply())
      .catch((err: unknown) => {
        this.lastError = err instanceof Error ? err.message : String(err);
      });
  }

  async #apply(): Promise<void> {
    const election = this.#election;
    if (!election || this.finishing) return;
    const mode = this.#mode;
    if (mode === 'off') {
      await this.#stopEngine();
      if (election.active) {
        const led = election.leading;
        election.leave();
        if (led) this.#post({ type: 'leader-gone' });
      }
      this.role = 'off';
      this.phase = 'off';
      this.pauseReason = null;
      return;
    }
    if (!election.active) {
      election.join();
      if (!election.leading) {
        this.role = 'queued';
        this.#post({ type: 'hello' });
      }
    }
    if (!election.leading) return;
    this.role = 'leader';
    // pausing is about contributing: a player's own sim runs while they watch it
    this.pauseReason =
      mode === 'own' ? null : this.settings.paused ? 'user' : this.#batteryLow ? 'battery' : null;
    if (this.pauseReason) {
      await this.#stopEngine();
      this.phase = 'paused';
      this.#publish();
      return;
    }
    const workers = this.requestedWorkers;
    // the socket's scope is fixed when it connects: a change of mode restarts the node
    if (this.#engine && this.#engine.ownJobsOnly !== (mode === 'own')) await this.#stopEngine();
    if (this.#engine) {
      if (workers !== this.workers) await this.#resize(this.#engine, workers);
      return;
    }
    await this.#startEngine(workers, mode === 'own');
  }

  async #startEngine(workers: number, ownJobsOnly: boolean): Promise<void> {
    const url = sentinelUrl();
    if (!url) {
      this.phase = 'unavailable';
      this.lastError = 'This server has no sentinel configured (PUBLIC_SENTINEL_URL).';
      this.#publish();
      return;
    }
    this.phase = 'starting';
    this.lastError = null;
    this.#publish();
    const { ContributeEngine } = await import('./engine');
    const engine = new ContributeEngine(
      {
        sentinelUrl: url,
        workers,
        cores: this.cores,
        name: tabName(),
        platform: platformName(),
        ownJobsOnly,
      },
      this.#handlers(),
    );
    this.#engine = engine;
    this.ownJobsOnly = ownJobsOnly;
    this.workers = workers;
    this.localWorkers = engine.liveWorkers;
    // Not awaited: registration retries with backoff while the sentinel is unreachable.
    engine.start().catch((err: unknown) => {
      if (this.#engine !== engine) return;
      this.#engine = null;
      void engine.stop(0);
      this.localWorkers = 0;
      this.phase = 'unavailable';
      this.lastError = `Could not start: ${err instanceof Error ? err.message : String(err)}`;
      this.#publish();
    });
  }

  async #stopEngine(): Promise<void> {
    const engine = this.#engine;
    if (!engine) return;
    this.#engine = null;
    this.phase = 'stopping';
    this.#publish();
    await engine.stop(0);
    this.localWorkers = 0;
    this.chunksRunning = 0;
    this.iterationsPerSecond = 0;
  }

  async #resize(engine: ContributeEngine, workers: number): Promise<void> {
    this.workers = workers;
    await engine.setWorkers(workers);
    this.localWorkers = engine.liveWorkers;
    if (this.nodeId && this.ownedByMe) await setTabNodeParallel(this.nodeId, tabName(), workers);
    this.#publish();
  }

  #handlers(): EngineHandlers {
    const mine = (fn: () => void) => () => {
      if (this.#engine) fn();
    };
    return {
      state: (s) =>
        mine(() => {
          this.phase = phaseOf(s);
          this.#publish();
        })(),
      registered: (r) =>
        mine(() => {
          this.nodeId = r.nodeId;
          this.#publish();
          void this.#maybeClaim();
        })(),
      owner: (userId) =>
        mine(() => {
          this.ownerId = userId;
          this.#publish();
        })(),
      stats: (s, workers) =>
        mine(() => {
          this.chunksRunning = s.chunksRunning;
          this.chunksDone = s.chunksDone;
          this.iterationsPerSecond = s.iterationsPerSecond;
          this.localWorkers = workers;
          this.#publish();
        })(),
      chunkFinished: (ev) => {
        if (ev.outcome !== 'completed') return;
        this.#meter.addChunk(ev.jobId, ev.iterations);
      },
      error: (message) => {
        this.lastError = message;
        // the player deleted this tab's node on the site: start over with a new identity
        if (/deleted by its owner/.test(message)) void this.#resetIdentity();
      },
    };
  }

  /** Drops this browser's node key (its node was deleted) and starts again as a new node. */
  async #resetIdentity(): Promise<void> {
    const engine = this.#engine;
    if (!engine) return;
    await this.#stopEngine();
    await engine.keyStore.remove().catch(() => undefined);
    [this.#claimedCode, this.nodeId, this.ownerId] = [null, null, null];
    this.#reconcile();
  }

  /**
   * The tab's node is claimed for the signed-in player at once — a guest's anonymous account
   * too, so the node runs the guest's own sims (owner eligibility, trusted for them).
   */
  async #maybeClaim(): Promise<void> {
    const engine = this.#engine;
    const user = session.user;
    const code = engine?.claimCode;
    if (!engine || !code || !user || this.#claiming || this.#claimedCode === code) return;
    this.#claiming = true;
    try {
      await claimTabNode(code, tabName(), this.workers || this.requestedWorkers);
      this.#claimedCode = code; // the sentinel's `claimed` push clears the client's code a moment later
      this.ownerId = user.id;
      this.#publish();
    } catch (err) {
      this.lastError = `Could not claim this tab's node: ${toApiError(err).message}`;
    } finally {
      this.#claiming = false;
    }
  }

  #onChannel(msg: ChannelMessage | null): void {
    if (!msg) return;
    if (msg.type === 'hello') {
      if (this.role === 'leader') this.#publish();
      return;
    }
    if (this.role === 'leader') return;
    if (msg.type === 'leader-gone') {
      if (this.role === 'follower') {
        this.role = 'queued';
        this.localWorkers = 0;
      }
      return;
    }
    if (!this.settings.optedIn) return;
    this.role = 'follower';
    Object.assign(this, msg.status);
  }

  #publish(): void {
    if (this.role !== 'leader') return;
    this.#post({ type: 'status', status: sharedStatus(this) });
  }

  #tick(): void {
    this.#meter.tick(this.role === 'leader' && this.phase === 'contributing');
  }
}

export const contribute = new ContributeState();
