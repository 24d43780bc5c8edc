// Alerts by e-mail (SPEC RP-5, optional). Every alert stays in its recipient's inbox; when the server is
// configured to mail them, a background sender (jobs/alert_mailer) calls these use cases: QueueAlertMail
// moves the alerts raised since its last call into the outbox — one message per alert whose recipient has
// an e-mail address, in the recipient's language — and the sender then sends the due messages outside any
// transaction and records each outcome, retrying a failure later. Nothing is mailed from the transaction
// that raises an alert, and nothing queued is lost when a send or the server fails.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "credo/app/context.hpp"
#include "credo/app/ports/database.hpp"

namespace credo::app {

// Queues the alerts raised after the outbox's cursor (at most `batch`) and moves the cursor past them. The
// first call ever starts at the newest alert: alerts raised before mailing was set up are not mailed.
// Returns how many messages were queued.
Result<int> QueueAlertMail(Tx& tx, const Context& ctx, int batch);

// The messages to send now: unsent, due, tried fewer than `max_attempts` times.
Result<std::vector<MailMessage>> DueMail(Tx& tx, const Context& ctx, int max_attempts, int limit);

// Records a send: sent, or failed (`outcome` an error) and due again after a wait that grows with the
// attempts (30 s, 2 min, 8 min, … at most an hour).
Status RecordMailOutcome(Tx& tx, const Context& ctx, const MailMessage& message, const Status& outcome);

// The subject and the text of an alert's message, in the recipient's language (English for another).
std::pair<std::string, std::string> ComposeAlertMail(const AlertToMail& alert);

}  // namespace credo::app
