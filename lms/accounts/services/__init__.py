"""The accounts' writes (issue 17: writes go through services): `passwords` (changes, resets,
passwords set by school admins, the audit trail), `recovery` (recovery codes), `profile` (the
user's own settings). Import the modules themselves (`from lms.accounts.services import
passwords`): nothing is re-exported here, because sign-in (lms/accounts/signin.py) and the
password services import each other's modules."""
