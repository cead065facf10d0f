from agent_desk.sim.cli import main

raise SystemExit(main())
