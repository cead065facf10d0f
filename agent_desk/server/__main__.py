from agent_desk.server.cli import main

raise SystemExit(main())
