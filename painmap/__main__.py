from painmap.cli import main

raise SystemExit(main())
