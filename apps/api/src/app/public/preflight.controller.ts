import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { preflight, PreflightResult } from '@madoguchi/rules';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { ValidationProblem } from '../common/problems';
import { deskCalendarSettings, programmeWindows, type Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { OutagesReader } from '../outages/outages.reader';
import { PreflightDto } from './preflight.dto';

@ApiTags('public')
@Controller('preflight')
export class PreflightController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outages: OutagesReader,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Public: can this citizen's procedure succeed at the desk now, and if not, what stands in the way and until when. */
  @Public()
  @Post()
  @HttpCode(200)
  async check(@Body() body: PreflightDto): Promise<PreflightResult> {
    const at = body.at ? new Date(body.at).toISOString() : new Date().toISOString();
    const service = body.paymentServiceId
      ? await this.dataSource.getRepository(PaymentServiceEntity).findOneBy({ id: body.paymentServiceId, active: true })
      : null;
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
