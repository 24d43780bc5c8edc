-- API tokens for integrations (SPEC SE-1): long-lived bearer tokens a user creates for a script or
-- another system. Like a session, only the SHA-256 of the token is stored; unlike a session, a token has
-- an id and a name, so that its owner can list and revoke it.
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);
CREATE INDEX sessions_user ON sessions (user_id);
