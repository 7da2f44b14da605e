import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeskSettings } from '@madoguchi/contracts';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { ApiAnswer } from '../common/openapi/openapi';

@ApiTags('desk')
@Controller('desk')
export class DeskController {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Settings the screens follow, such as the waiting-time target the board marks. */
  @ApiOperation({ summary: 'Settings the screens follow, such as the waiting-time target the board marks' })
  @ApiAnswer('DeskSettings', { description: 'The settings of this desk.' })
  @Get()
  desk(): DeskSettings {
    return { waitTargetMinutes: this.settings.WAIT_TARGET_MINUTES };
  }
}
