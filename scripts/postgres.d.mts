export declare function freePort(): Promise<number>;
export declare function findPostgresBin(): string | null;
/** A throwaway cluster on a free port, or null when PostgreSQL is not installed. */
export declare function startPostgres(): Promise<{ url: string; socketUrl: string; stop(): void } | null>;
