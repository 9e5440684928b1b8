/**
 * Renders deploy/haproxy.cfg.template: one frontend and backend per service, one `server`
 * line per replica. The replica test renders its configuration with this, so what
 * docs/deployment.md shows is what the test runs.
 *
 *   tsx scripts/haproxyConfig.ts gateway=:4000=10.0.1.11:4000,10.0.1.12:4000 police=:4002=10.0.2.11:4002,10.0.2.12:4002
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@samraad/db";

export const HAPROXY_TEMPLATE = join(REPO_ROOT, "deploy", "haproxy.cfg.template");

export interface BalancedService {
  /** The service's name: frontend `<service>`, backend `<service>_replicas`, servers `<service>-1`, … */
  service: string;
  /** HAProxy's `bind` arguments: `127.0.0.1:4000`, `:443 ssl crt /etc/haproxy/samraad.pem`, … */
  bind: string;
  /** host:port of each replica. */
  replicas: string[];
}

export function renderHaproxyConfig(services: BalancedService[], template = readFileSync(HAPROXY_TEMPLATE, "utf8")): string {
  const block = /^# BEGIN SERVICE\n([\s\S]*?)^# END SERVICE\n/m;
  const found = template.match(block);
  if (!found?.[1]) throw new Error(`${HAPROXY_TEMPLATE}: no "# BEGIN SERVICE" … "# END SERVICE" block`);
  const perService = found[1];
  const rendered = services.map(({ service, bind, replicas }) => {
    if (!/^[a-z][a-z0-9_-]*$/.test(service)) throw new Error(`not a service name: ${service}`);
    if (replicas.length === 0) throw new Error(`${service}: no replicas`);
    const servers = replicas.map((address, i) => `    server ${service}-${i + 1} ${address}`).join("\n");
    return perService.replaceAll("{{SERVICE}}", service).replaceAll("{{BIND}}", bind).replaceAll("{{SERVERS}}", servers);
  });
  return template.replace(block, rendered.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const services = process.argv.slice(2).map((arg): BalancedService => {
    const [service, bind, replicas] = arg.split("=");
    if (!service || !bind || !replicas) throw new Error(`expected <service>=<bind>=<host:port>,<host:port>; got ${arg}`);
    return { service, bind, replicas: replicas.split(",") };
  });
  process.stdout.write(renderHaproxyConfig(services));
}
