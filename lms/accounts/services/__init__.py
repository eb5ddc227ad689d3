"""The accounts' writes (issue 17: writes go through services): `passwords` (changes, resets,
passwords set by school admins, the audit trail), `signin` (one-time codes, two-step
preference), `recovery` (recovery codes), `lockout` (sign-in failures forgotten), `profile`
(the user's own settings). Import the modules themselves (`from lms.accounts.services import
passwords`): nothing is re-exported here, so importing one never loads the others."""
