// Names the quota backends give what they configure, shared with whoever reads them back: the
// RouterOS queue tree's queues (infra/quota/routeros.ts renders them; the collectors' simulator
// serves MIKROTIK-MIB mtxrQueueTreeName with them, and the quota series select on them).

/** The RouterOS queue of one OPD and direction ("down": to the OPD, "up": from it). */
export const routerOsQueueName = (opd: string, direction: "down" | "up"): string => `spbe-${opd}-${direction}`;
