"""One APIRouter per resource: tagging, model information, health, and the page."""
