"""What the bundled ``agent-assist`` executables run: the same ``main`` as the console script.

The console build (``agent-assist``) and the windowed one (``agent-assist-panel``, Windows
only) both start here; with no command, ``main`` opens the panel.
"""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
