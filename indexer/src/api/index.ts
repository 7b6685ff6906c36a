import { Hono } from "hono";
import { cors } from "hono/cors";
import { graphql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

const app = new Hono();

// The dApp and any verifier's page read the indexer from the browser.
app.use("*", cors({ origin: "*", allowMethods: ["GET", "POST", "OPTIONS"] }));
// Ponder's GraphQL keeps its default depth and cost limits.
app.use("/graphql", graphql({ db, schema }));

export default app;
