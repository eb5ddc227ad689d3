"""Learning without a connection (issue 22): the web app manifest, the service worker served
from the site root, the offline fallback page, and the list of files a course download fetches
(sources.py: one function per kind of content; SCORM adds its own with
`download_source_register`). docs/features/offline.md."""
