// Every detector the engine runs, in no particular order (the engine merges overlaps).
import type { Detector } from '../engine/detector.ts';
import { password } from './password.ts';
import { commandLine } from './command-line.ts';
import { deviceConfig } from './device-config.ts';
import { recoveryKey } from './recovery-key.ts';
import { loginId } from './login-id.ts';
import { email } from './email.ts';
import { url } from './url.ts';
import { apiKey } from './api-key.ts';
import { secretToken } from './secret-token.ts';
import { namedKey } from './named-key.ts';
import { privateKey } from './private-key.ts';
import { ipAddress } from './ip-address.ts';
import { ipv6Address } from './ipv6-address.ts';
import { phone } from './phone.ts';
import { postalCode } from './postal-code.ts';
import { address } from './address.ts';
import { personName } from './person-name.ts';
import { birthDate } from './birth-date.ts';
import { myNumber } from './my-number.ts';
import { passportNumber, driversLicense, insuranceNumber, residenceCardNumber, socialSecurityNumber } from './id-numbers.ts';
import { creditCard } from './credit-card.ts';
import { bankAccount } from './bank-account.ts';
import { health } from './health.ts';
import { custom } from './custom.ts';

export type { Detector } from '../engine/detector.ts';

export const DETECTORS: readonly Detector[] = [
  password,
  commandLine,
  deviceConfig,
  recoveryKey,
  loginId,
  email,
  url,
  apiKey,
  secretToken,
  namedKey,
  privateKey,
  ipAddress,
  ipv6Address,
  phone,
  postalCode,
  address,
  personName,
  birthDate,
  myNumber,
  passportNumber,
  residenceCardNumber,
  driversLicense,
  insuranceNumber,
  socialSecurityNumber,
  creditCard,
  bankAccount,
  health,
  custom,
];
