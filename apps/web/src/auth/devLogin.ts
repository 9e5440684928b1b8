/** The gateway's development issuer (only outside production): demo personas and their tokens. */
export interface DevPersona {
  id: string;
  name: string;
  title: string;
  sector: string;
  organisation: string;
  roles: string[];
}

export async function fetchPersonas(): Promise<DevPersona[] | null> {
  const res = await fetch("/dev/personas", { headers: { accept: "application/json" } });
  if (!res.ok) return null;
  const body = (await res.json()) as { personas?: DevPersona[] };
  return body.personas ?? null;
}

export async function issueDevToken(persona: string): Promise<string> {
  const res = await fetch("/dev/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ persona }),
  });
  const body = (await res.json()) as { token?: string; error?: { message: string } };
  if (!res.ok || !body.token) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body.token;
}
