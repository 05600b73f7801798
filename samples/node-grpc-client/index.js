'use strict';
// Boards' Node.js integrator sample (docs/integrators.md): a token by client credentials, every gRPC service listed by
// reflection through the gateway, and a referral created from the .proto bundle the gateway serves.
//
//   curl -o protos.zip http://localhost:5080/protos/boards-protos.zip && unzip -o protos.zip -d protos
//   npm ci && BOARDS_PROTOS=protos node index.js
//
// Settings come from the environment; the defaults are ./run.sh's addresses and the demo integrator.

const fs = require('node:fs');
const path = require('node:path');
const { randomUUID, randomInt } = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const settings = {
  gateway: process.env.BOARDS_GATEWAY_GRPC_TARGET || 'localhost:5081',
  realm: process.env.BOARDS_REALM || 'http://localhost:5070/realms/boards',
  clientId: process.env.BOARDS_CLIENT_ID || 'integrator-demo',
  clientSecret: process.env.BOARDS_CLIENT_SECRET || 'demo-secret',
  municipality: process.env.BOARDS_MUNICIPALITY || 'alto-vera',
  protos: process.env.BOARDS_PROTOS || path.join(__dirname, 'protos'),
};

// Field names as the .proto files spell them (request_id, list_services): the same whether a contract is loaded from a
// .proto file or from the descriptor set.
const loadOptions = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

async function token() {
  const response = await fetch(`${settings.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      scope: 'boards-api',
    }),
  });
  if (!response.ok) {
    throw new Error(`El proveedor de identidad respondió ${response.status}: ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

// gRPC reflection's own contract comes in the bundle's boards.protoset (a FileDescriptorSet), beside the .proto files.
function listServices() {
  const definition = protoLoader.loadFileDescriptorSetFromBuffer(
    fs.readFileSync(path.join(settings.protos, 'boards.protoset')), loadOptions);
  const { ServerReflection } = grpc.loadPackageDefinition(definition).grpc.reflection.v1;
  const client = new ServerReflection(settings.gateway, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    const call = client.ServerReflectionInfo({ deadline: Date.now() + 30_000 });
    call.on('data', (response) => {
      if (response.error_response) {
        reject(new Error(`Reflexión: ${response.error_response.error_message}`));
      } else {
        resolve(response.list_services_response.service.map((service) => service.name).sort());
      }
      call.end();
    });
    call.on('error', reject);
    call.write({ list_services: '' });
  }).finally(() => client.close());
}

// The referrals contract straight from the bundle's .proto files: their imports resolve inside the same folder.
function createReferral(accessToken) {
  const definition = protoLoader.loadSync('Protos/referrals.proto', { ...loadOptions, includeDirs: [settings.protos] });
  const { ReferralService } = grpc.loadPackageDefinition(definition).boards.referrals.v1;
  const client = new ReferralService(settings.gateway, grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${accessToken}`);
  const request = {
    request_id: randomUUID(), // safe to retry with the same id and content
    municipality_code: settings.municipality,
    origin_institution: 'mspbs', // integrator-demo acts for mspbs
    destination_institution: 'mds',
    service_code: 'atencion-primaria',
    need_category: 'salud',
    priority: 'PRIORITY_NORMAL',
    reason: 'Control prenatal pendiente; sin transporte a la USF.',
    person: {
      document_number: String(randomInt(1_000_000, 10_000_000)),
      given_names: 'María Elena',
      family_names: 'Benítez Ayala',
      birth_date: '1994-03-12',
      sex: 'SEX_FEMALE',
      phone: '0981 000 000',
      locality: 'Compañía San Isidro',
    },
    consent: { given: true, given_by: 'la persona' },
  };
  return new Promise((resolve, reject) => {
    client.CreateReferral(request, metadata, { deadline: Date.now() + 15_000 }, (error, referral) =>
      error ? reject(error) : resolve(referral));
  }).finally(() => client.close());
}

async function main() {
  for (const name of await listServices()) {
    console.log(`servicio ${name}`);
  }
  const referral = await createReferral(await token());
  console.log(`derivación creada ${referral.id} estado ${referral.status} versión ${referral.version}`);
}

main().catch((error) => {
  // A gRPC error carries its status code and the service's Spanish message.
  console.error(`La llamada falló: ${error.code ?? ''} ${error.details ?? error.message}`);
  process.exitCode = 1;
});
