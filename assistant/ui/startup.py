"""What the panel does before its first paint, what waits, and why.

The agent needs two things the moment the panel appears: to see it, and to have
the keys they press reach it (a key pressed then is never lost). Everything else
waits, in this order. How long start-up takes is ``benchmarks/bench_startup.py``'s
figure: the panel answering a search, against a bare Qt window (at most 1.6 times).

Before the first paint (``app.run_panel``, ``window.MainWindow``):
  PySide6, the settings file, the single-instance check, the translations, the
  window and its widgets, and every action with its key.

Right after the first paint (queued, so the paint is not held up):
  the playbook from its cache (on the background lane when the cache is cold).
  On the lane after it: the store (SQLAlchemy), usage and favourites, the pinyin
  and holiday tables. Search works from then on: the panel is *ready*.

A moment later, each a delay below:
  ``WIRE_UP_MS``  the shortcut guard (Ctrl+E wins over a line edit's own) and the
                  palette watch. Both are Python event filters, and the first plain
                  ``QEvent`` handed to Python makes PySide6 build some sixty event
                  classes (about 10 ms here), so none is installed before the
                  paint. For the same reason the dock and the preview are told of
                  resizes by the window and a layout, not by event filters.
  ``SUMMON_DELAY_MS``  the summon key: Xlib's imports and connection on a thread of
                  their own (on the UI thread they held the agent's keys 0.1-0.4 s),
                  then the key grab here.
  ``TRAY_DELAY_MS``  the tray icon, after ready (``TRAY_FALLBACK_MS`` after the
                  paint if the playbook cannot load); the log's first record with it.
  ``SETTLE_MS``   after the playbook: drafts left behind, due follow-ups, the
                  daily backup (``SETTLE_FALLBACK_MS`` after the paint otherwise),
                  and the search field's clear button: its icon has Qt load its
                  icon and image plugins, about 0.4 MB of the peak (and a few ms,
                  within the noise) for a button an empty field does not show.
  ``SYNC_DELAY_MS``  team sync, when a server is set.

Also for start-up, each still worth more than the measurement's noise:
  - The garbage collector is paused from the command line until ready (``cli``),
    then the objects start-up made are frozen (``resume_collection``): Qt's
    wrappers and the window are a few hundred thousand objects and almost no
    garbage. Collecting as usual costs about 16 ms of start-up; without the
    freeze, the first full collection after ready takes 25-50 ms, in the way of
    the agent's first keys, instead of 0.1 ms.
  - PySide6 is kept from reading the source of every module imported after it
    (``assistant/ui/__init__.py``), about 12 ms.
  - Heavy modules are imported in the functions that need them, never at the top
    of a module the panel imports at start: SQLAlchemy, pypinyin, holidays,
    keyring, Xlib, YAML, ``logging.handlers``, QtNetwork (see ``single_instance``).

No longer worth it (within the noise, 6-15 ms of CPU time between two runs of the
same program): named tuples chosen over dataclasses for what is read before the
first paint (importing ``dataclasses`` costs about 3 ms, as PySide6 has already
imported ``inspect``); those named tuples stay as they are, as plain records.
"""

from __future__ import annotations

import gc

WIRE_UP_MS = 100
SUMMON_DELAY_MS = 150
TRAY_DELAY_MS = 250
TRAY_FALLBACK_MS = 3_000
SETTLE_MS = 300
SETTLE_FALLBACK_MS = 5_000
SYNC_DELAY_MS = 8_000


def resume_collection() -> None:
    """Turn the garbage collector back on once search works (paused while the panel
    starts, see cli).

    What starting made lives as long as the panel does (modules, Qt's wrappers, the
    playbook): frozen first, so no collection walks it again. The few cycles that
    starting left behind, about 70 KiB, stay.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
