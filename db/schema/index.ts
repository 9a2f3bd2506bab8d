// Aggregates the tables for Drizzle's relational API and drizzle-kit; import tables from their own file.
export * from "./structures";
export * from "./users";
export * from "./jeunes";
export * from "./audit";
export * from "./settings";
export * from "./consultations";
export * from "./affectations";
export * from "./droits";
export * from "./transmissions";
export * from "./parcours";
export * from "./actions-jeune";
export * from "./agenda";
export * from "./allocation";
export * from "./sanctions";
export * from "./mail";
export * from "./access";
