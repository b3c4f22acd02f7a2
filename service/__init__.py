"""The HTTP face of the tagger: a FastAPI app (``service.main.create_app``) and the paste-an-email page."""
