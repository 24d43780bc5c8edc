-- Payment-delay models (SPEC RP-6) on PostgreSQL: the same table as the SQLite schema, column for column.
CREATE TABLE delay_models (
    id                 BIGSERIAL PRIMARY KEY,
    as_of              TEXT NOT NULL,
    seed               BIGINT NOT NULL,
    auc_ppm            BIGINT NOT NULL,
    train_examples     BIGINT NOT NULL,
    train_late         BIGINT NOT NULL,
    test_examples      BIGINT NOT NULL,
    test_late          BIGINT NOT NULL,
    first_quarter      TEXT NOT NULL,
    last_train_quarter TEXT NOT NULL,
    last_quarter       TEXT NOT NULL,
    feature_count      BIGINT NOT NULL,
    model              TEXT NOT NULL,
    trained_by         BIGINT REFERENCES users (id),
    trained_at         BIGINT NOT NULL
);
CREATE INDEX delay_models_as_of ON delay_models (as_of, id);
