import { seedDatabase } from "./seed.ts";
const db = await seedDatabase("sqlite");
console.log("seeded", db.articles);
await db.destroy();
