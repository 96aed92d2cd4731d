"""Host companies: the onboarding domain (dossier, team, positions, documents, placements)."""
