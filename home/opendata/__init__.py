"""Open data on training by territory, post and edition, safe by construction:
aggregation in the database (`aggregate`), small-count suppression (`suppression`,
pure), the published files (`files`) and the tile map (`tilemap`)."""
