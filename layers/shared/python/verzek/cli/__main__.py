import sys

from verzek.cli import main

sys.exit(main())
