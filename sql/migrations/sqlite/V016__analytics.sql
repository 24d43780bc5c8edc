-- Payment-delay models (SPEC RP-6): each training, as of a date, keeps the model it produced (XGBoost's
-- JSON document) with its held-out accuracy, so that the predictions shown beside an AUC come from the
-- very model that AUC measures, and stay the same until someone trains again. Nothing is updated.
CREATE TABLE delay_models (
    id                 INTEGER PRIMARY KEY,
    as_of              TEXT NOT NULL,        -- the history the model learned from ends here
    seed               INTEGER NOT NULL,
    auc_ppm            INTEGER NOT NULL,     -- the AUC on the held-out quarters, in millionths
    train_examples     INTEGER NOT NULL,
    train_late         INTEGER NOT NULL,
    test_examples      INTEGER NOT NULL,
    test_late          INTEGER NOT NULL,
    first_quarter      TEXT NOT NULL,        -- quarter ends: the first trained on, the last trained on,
    last_train_quarter TEXT NOT NULL,        -- and the last held out
    last_quarter       TEXT NOT NULL,
    feature_count      INTEGER NOT NULL,
    model              TEXT NOT NULL,
    trained_by         INTEGER REFERENCES users (id),
    trained_at         INTEGER NOT NULL
);
CREATE INDEX delay_models_as_of ON delay_models (as_of, id);
