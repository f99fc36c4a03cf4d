-- Passwords change (issue 15): by their owner (who gives the current one) or reset by an
-- administrator. A browser session signed in before the latest change ends at its next request,
-- so a password that leaked stops working everywhere at once. Null: never changed since sign-up.
alter table account add column password_changed_at timestamp with time zone;
