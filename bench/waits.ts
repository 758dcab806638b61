/**
 * What the database backends of the server under load (by its `application_name`, or as listed by
 * the caller) are doing, sampled from pg_stat_activity: running on CPU, or waiting (for the WAL to reach disk, for a row lock, for the
 * client…), and in which statement. It shows, for example, requests queueing on one row's lock.
 */
import { Client } from 'pg';

export interface WaitShare {
  /** e.g. "IO:WALSync in update personal_access_tokens" or "CPU in select customer_relations_contacts". */
  activity: string;
  /** Percent of all samples of active backends. */
  percent: number;
}

const sampleEveryMs = 50;

export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private running: Promise<void> | null = null;
  private stopping = false;
  private applicationName = '';
  private backendPids: () => number[] = () => [];

  constructor(
    private readonly client: Client,
    private readonly describe: (sql: string) => string,
  ) {}

  static async connect(databaseUrl: string, describe: (sql: string) => string): Promise<WaitSampler> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench wait sampler' });
    await client.connect();
    return new WaitSampler(client, describe);
  }

  /** Samples the backends whose connections carry `applicationName`, and those `backendPids` lists. */
  start(applicationName: string, backendPids: () => number[]): void {
    this.applicationName = applicationName;
    this.backendPids = backendPids;
    this.counts.clear();
    this.samples = 0;
    this.stopping = false;
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const { rows } = await this.client.query<{ wait: string | null; query: string }>(
        `select wait_event_type || ':' || wait_event as wait, query
           from pg_stat_activity
          where datname = current_database() and state = 'active' and (application_name = $1 or pid = any($2::int[]))`,
        [this.applicationName, this.backendPids()],
      );
      for (const row of rows) {
        const key = `${row.wait ?? 'CPU'} in ${this.describe(row.query)}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
        this.samples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, sampleEveryMs));
    }
  }

  /** Stops sampling and returns the most frequent activities. */
  async stop(top = 3): Promise<WaitShare[]> {
    this.stopping = true;
    await this.running;
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([activity, count]) => ({ activity, percent: (100 * count) / Math.max(1, this.samples) }));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
