import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PaymentService, PaymentServiceEntry, Site } from '@madoguchi/contracts';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreatePaymentServiceDto, CreateSiteDto, UpdatePaymentServiceDto, UpdateSiteDto } from './catalog.dto';
import { CatalogService } from './catalog.service';
import { ApiAnswer, ApiProblems, ApiStable } from '../common/openapi/openapi';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  /** Public: the citizens' self-check needs to know which services the desk can apply for. */
  @Public()
  @ApiStable('public')
  @ApiOperation({
    summary: 'The payment services the desk can apply for, in the order the counter shows them (no sign-in)',
    description: 'Active services only, with what the citizen must bring for each.',
  })
  @ApiAnswer(['PaymentService'], {
    description: 'The active services.',
    example: [
      {
        id: 1,
        name: 'ことりペイ',
        kind: 'qr_code',
        appliesAtSpot: true,
        requiresPreRegistration: false,
        requiredItems: ['アプリのログインID', 'アプリのパスワード'],
      },
    ],
  })
  @Get('payment-services')
  paymentServices(): Promise<PaymentService[]> {
    return this.catalog.paymentServices();
  }

  /** The whole catalogue, inactive services included. */
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'The whole payment service catalogue, inactive services included' })
  @ApiAnswer(['PaymentServiceEntry'], { description: 'Every service.' })
  @Get('payment-services/all')
  allPaymentServices(): Promise<PaymentServiceEntry[]> {
    return this.catalog.allPaymentServices();
  }
  @Roles('admin')
  @ApiOperation({ summary: 'Add a payment service to the catalogue' })
  @ApiAnswer('PaymentServiceEntry', { status: 201, description: 'The service as stored.' })
  @ApiProblems({ 409: 'A service with this name exists.' })
  @Post('payment-services')
  createPaymentService(
    @Body() body: CreatePaymentServiceDto,
    @CurrentUser() user: UserAccount,
  ): Promise<PaymentServiceEntry> {
    return this.catalog.createPaymentService(body, user);
  }
  @Roles('admin')
  @ApiOperation({ summary: 'Change a payment service, or take it off the counter (active: false)' })
  @ApiAnswer('PaymentServiceEntry', { description: 'The service as stored.' })
  @ApiProblems({ 409: 'Another service has this name.' })
  @Patch('payment-services/:id')
  updatePaymentService(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdatePaymentServiceDto,
    @CurrentUser() user: UserAccount,
  ): Promise<PaymentServiceEntry> {
    return this.catalog.updatePaymentService(id, body, user);
  }
  @ApiOperation({ summary: "The desk's sites (窓口), where cases are served" })
  @ApiAnswer(['Site'], { description: 'Every site.' })
  @Get('sites')
  listSites(): Promise<Site[]> {
    return this.catalog.sites();
  }
  @Roles('admin')
  @ApiOperation({ summary: 'Add a site' })
  @ApiAnswer('Site', { status: 201, description: 'The site as stored.' })
  @ApiProblems({ 409: 'A site with this code exists.' })
  @Post('sites')
  createSite(@Body() body: CreateSiteDto, @CurrentUser() user: UserAccount): Promise<Site> {
    return this.catalog.createSite(body, user);
  }
  @Roles('admin')
  @ApiOperation({ summary: "Change a site's code or name" })
  @ApiAnswer('Site', { description: 'The site as stored.' })
  @ApiProblems({ 409: 'Another site has this code.' })
  @Patch('sites/:id')
  updateSite(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateSiteDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Site> {
    return this.catalog.updateSite(id, body, user);
  }
}
