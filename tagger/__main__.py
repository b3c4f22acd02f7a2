"""``python -m tagger`` runs the same command line as the ``tagger`` script.

Useful from a git worktree, where the installed script would import the package from
the checkout it was installed from.
"""

from tagger.cli import main

main()
