import { Inject, Injectable } from '@nestjs/common';
import { preflight, PreflightResult } from '@madoguchi/rules';
import { ValidationProblem } from '../common/problems';
import { deskCalendarSettings, programmeWindows, type Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { OutagesRepository } from '../outages/outages.repository';
import { PreflightDto } from './preflight.dto';
import { PublicRepository } from './public.repository';

@Injectable()
export class PreflightService {
  constructor(
    private readonly repository: PublicRepository,
    private readonly outages: OutagesRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Can this citizen's procedure succeed at the desk now, and if not, what stands in the way and until when. */
  async check(body: PreflightDto): Promise<PreflightResult> {
    const at = body.at ? new Date(body.at).toISOString() : new Date().toISOString();
    const service = body.paymentServiceId ? await this.repository.activePaymentService(body.paymentServiceId) : null;
    if (body.paymentServiceId && !service) {
      throw new ValidationProblem([
        {
          field: 'paymentServiceId',
          message: { ja: 'その決済サービスは登録されていません。', en: 'No payment service has this id.' },
        },
      ]);
    }
    return preflight(
      {
        at,
        procedure: body.procedure,
        holderAge: body.holderAge,
        holderPresent: body.holderPresent,
        hasCard: body.hasCard,
        certificate: { status: body.certificate.status, issuedOrRenewedAt: body.certificate.issuedOrRenewedAt ?? null },
        pin: body.pin,
        alreadyReserved: body.alreadyReserved ?? false,
        paymentService: service
          ? {
              id: service.id,
              name: service.name,
              appliesAtSpot: service.appliesAtSpot,
              requiresPreRegistration: service.requiresPreRegistration,
              requiredItems: service.requiredItems,
            }
          : null,
        serviceItemsReady: body.serviceItemsReady ?? false,
        serviceRegistrationDone: body.serviceRegistrationDone ?? false,
      },
      {
        outages: await this.outages.windowsFrom(new Date(at), { paymentServiceId: service?.id ?? null }),
        calendar: deskCalendarSettings(this.settings),
        windows: programmeWindows(this.settings),
        certWaitHours: this.settings.CERT_WAIT_HOURS,
      },
    );
  }
}
