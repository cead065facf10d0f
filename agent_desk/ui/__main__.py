"""``python -m agent_desk.ui``: the desk, as the ``agent-desk`` command and the installer start it."""

from agent_desk.ui.launch import main

raise SystemExit(main())
