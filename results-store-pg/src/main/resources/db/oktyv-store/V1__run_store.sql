-- The shared results store, schema version 1. One row per run in runs; what the run folder holds is in run_files
-- (every small file byte for byte: the source of truth for export) and run_artifacts (large files by URI and
-- SHA-256). The other tables are queryable views of the same files, filled on import and never read back by export.

CREATE TABLE runs (
    pk             BIGSERIAL PRIMARY KEY,
    run_id         TEXT        NOT NULL,
    format_version INTEGER     NOT NULL,
    suite_version  TEXT        NOT NULL,
    commit_sha     TEXT        NOT NULL,
    branch         TEXT        NOT NULL,
    dirty          BOOLEAN     NOT NULL,
    hostname       TEXT,
    host_class     TEXT        NOT NULL,
    os             TEXT        NOT NULL,
    arch           TEXT        NOT NULL,
    cpu_model      TEXT,
    cores          INTEGER,
    memory_bytes   BIGINT,
    jvm_vendor     TEXT        NOT NULL,
    jvm_version    TEXT        NOT NULL,
    jvm_major      TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('complete', 'incomplete', 'failed')),
    started_at     TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ,
    stored_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Many CI runners publish at once: the constraint, not a read-then-write, is what keeps a run id unique.
    CONSTRAINT runs_run_id_unique UNIQUE (run_id)
);
CREATE INDEX runs_newest ON runs (started_at DESC, run_id DESC);
CREATE INDEX runs_filter ON runs (branch, host_class, status);

CREATE TABLE run_files (
    run_pk  BIGINT NOT NULL REFERENCES runs (pk) ON DELETE CASCADE,
    path    TEXT   NOT NULL,
    content BYTEA  NOT NULL,
    sha256  TEXT   NOT NULL,
    PRIMARY KEY (run_pk, path)
);

CREATE TABLE run_artifacts (
    run_pk     BIGINT NOT NULL REFERENCES runs (pk) ON DELETE CASCADE,
    path       TEXT   NOT NULL,
    uri        TEXT   NOT NULL,
    sha256     TEXT   NOT NULL,
    size_bytes BIGINT NOT NULL,
    PRIMARY KEY (run_pk, path)
);

-- jmh.json: one row per result (benchmark + mode + params), its forks' iteration scores below it.
CREATE TABLE benchmark_scores (
    pk          BIGSERIAL PRIMARY KEY,
    run_pk      BIGINT  NOT NULL REFERENCES runs (pk) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    benchmark   TEXT    NOT NULL,
    mode        TEXT    NOT NULL,
    params      JSONB   NOT NULL,
    score       DOUBLE PRECISION,
    score_error DOUBLE PRECISION,
    score_unit  TEXT,
    forks       INTEGER NOT NULL,
    UNIQUE (run_pk, ordinal)
);
CREATE INDEX benchmark_scores_name ON benchmark_scores (benchmark, mode);

CREATE TABLE benchmark_forks (
    score_pk   BIGINT             NOT NULL REFERENCES benchmark_scores (pk) ON DELETE CASCADE,
    fork       INTEGER            NOT NULL,
    iterations DOUBLE PRECISION[] NOT NULL,
    PRIMARY KEY (score_pk, fork)
);

-- load/<scenario>/summary.json and load/<scenario>/step-NN-<level>/summary.json.
CREATE TABLE load_summaries (
    run_pk              BIGINT NOT NULL REFERENCES runs (pk) ON DELETE CASCADE,
    folder              TEXT   NOT NULL,
    scenario            TEXT   NOT NULL,
    total_operations    BIGINT,
    failed_operations   BIGINT,
    error_rate          DOUBLE PRECISION,
    achieved_per_second DOUBLE PRECISION,
    summary             JSONB  NOT NULL,
    PRIMARY KEY (run_pk, folder)
);

-- security.json findings and recovery.json probes.
CREATE TABLE probe_results (
    run_pk   BIGINT  NOT NULL REFERENCES runs (pk) ON DELETE CASCADE,
    phase    TEXT    NOT NULL CHECK (phase IN ('security', 'recovery')),
    ordinal  INTEGER NOT NULL,
    probe_id TEXT    NOT NULL,
    verdict  TEXT    NOT NULL,
    detail   JSONB   NOT NULL,
    PRIMARY KEY (run_pk, phase, ordinal)
);

-- production-hardening-results.json.
CREATE TABLE readiness_verdicts (
    run_pk   BIGINT PRIMARY KEY REFERENCES runs (pk) ON DELETE CASCADE,
    verdict  TEXT   NOT NULL,
    quick    BOOLEAN,
    document JSONB  NOT NULL
);
