/** The two databases Ramp runs on: SQLite embedded (the default) or PostgreSQL. */
export type Provider = "sqlite" | "postgresql";
