/**
 * The live pages' messages (issue 20, point 1), kept in a block of their own and spread
 * into da.ts and en.ts. Placeholders are written {name}.
 */
export const liveDa = {
  "live.status.live": "Opdateres automatisk",
  "live.status.connecting": "Forbinder til automatisk opdatering …",
  "live.status.refused":
    "Siden opdateres ikke længere automatisk: du har ikke adgang til sagens ændringer. Hent siden igen for at se, hvad du har adgang til.",
  "live.presence.none": "Ingen andre har mødet åbent lige nu.",
  "live.presence.others": "Har også mødet åbent: {names}",
  "live.updated": "Siden er opdateret med en ændring, en anden har lavet.",
  "live.staleItem":
    "En anden har ændret handlingspunktet »{title}«, mens du havde siden åben. Status er nu »{status}«. Vælg igen, hvis du stadig vil ændre den.",
} as const;

export const liveEn: Record<keyof typeof liveDa, string> = {
  "live.status.live": "Updates automatically",
  "live.status.connecting": "Connecting to automatic updates …",
  "live.status.refused":
    "This page no longer updates by itself: you do not have access to the case's changes. Reload the page to see what you have access to.",
  "live.presence.none": "Nobody else has the meeting open right now.",
  "live.presence.others": "Also open now: {names}",
  "live.updated": "The page has been updated with a change someone else made.",
  "live.staleItem":
    "Someone else changed the action item “{title}” while you had the page open. Its status is now “{status}”. Choose again if you still want to change it.",
};
