from bench.chaos.cli import main

raise SystemExit(main())
