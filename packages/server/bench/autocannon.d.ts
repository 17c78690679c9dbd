// The little of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
  }
  export interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    non2xx: number;
    '2xx': number;
  }
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    workers?: number;
    /** Made again for each request by setupRequest: its own path, headers and body. */
    requests?: { setupRequest?: (req: Request) => Request }[];
  }
  /** A run: awaited for its result; 'response' gives each answer's time in ms. */
  export interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, time: number) => void): this;
  }
  export default function autocannon(options: Options): Instance;
}
