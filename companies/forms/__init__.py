"""Forms of the company area: the dossier's steps (dossier.py) and the team (team.py)."""
