-- Trigram search on names (accent-free text is computed by the application into search_text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
