"""Small helpers shared by every app, one rule each: Vietnamese folding (`text`), the phone
number rule (`phone`), file-type sniffing (`files`), the multi-file form field (`forms`) and
cache generations (`generations`: exact invalidation of cached fragments).

Not an app (no models, no apps.py): it imports nothing from the project's apps, so any app may
import it without making an import cycle."""
